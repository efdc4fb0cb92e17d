// Route paths in one place, so links and redirects agree.
export const LOGIN_PATH = '/login';
export const CUSTOMERS_PATH = '/customers';
/** Where the console opens after sign-in. */
export const HOME_PATH = CUSTOMERS_PATH;
