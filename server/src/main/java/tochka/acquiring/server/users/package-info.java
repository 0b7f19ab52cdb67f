/**
 * The console's users: their roles and companies, Argon2id password hashes, sign-in with lock-out, and sessions.
 * Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.server.users;

import org.jspecify.annotations.NullMarked;
