/** The server's front door: the landing page, the published OpenAPI documents and the interactive API page. */
@NullMarked
package tochka.acquiring.server.site;

import org.jspecify.annotations.NullMarked;
