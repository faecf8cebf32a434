export * from './accounts/roles';
export * from './accounts/password-policy';
