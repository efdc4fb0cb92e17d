// The signed-in viewer, shared with every console page.
import { createContext, useContext } from 'react';
import type { ViewerQuery } from '../../gql/graphql';

/** The viewer object as the Viewer query returns it. */
export type Viewer = NonNullable<ViewerQuery['viewer']>;

export const ViewerContext = createContext<Viewer | null>(null);

/** The signed-in viewer; only valid inside the console layout. */
export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside the console layout');
  return viewer;
}
