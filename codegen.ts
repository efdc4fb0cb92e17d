import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed GraphQL operations for the SPA, generated from the committed schema files.
// CODEGEN_OUT lets `npm run codegen:check` regenerate into a temporary directory;
// CODEGEN_SCHEMA (comma-separated globs) points at another schema, for experiments only.
const schema = process.env.CODEGEN_SCHEMA?.split(',') ?? ['graph/ent.graphqls', 'graph/schema/*.graphqls'];
const out = process.env.CODEGEN_OUT ?? 'frontend/src/gql/';

const config: CodegenConfig = {
  schema,
  documents: ['frontend/src/**/*.{ts,tsx}', '!frontend/src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    [out.endsWith('/') ? out : `${out}/`]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Time: 'string', Cursor: 'string', Decimal: 'string' },
        skipTypename: false,
      },
    },
  },
  hooks: {},
};

export default config;
