/** How long a new password may be; shared by the policy (server) and the password fields (browser). */
export const minimumPasswordLength = 12;
export const maximumPasswordLength = 256;
