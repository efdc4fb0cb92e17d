// Operations of the auth feature: who am I, sign in, sign out.
import { graphql } from '../../../gql';

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      role
      user {
        id
        email
        displayName
        role
      }
      partner {
        id
        name
        kind
      }
      customer {
        id
        name
      }
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      viewer {
        role
        user {
          id
          displayName
        }
      }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout {
      ok
    }
  }
`);
