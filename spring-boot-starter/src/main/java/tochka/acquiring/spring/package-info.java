/**
 * Spring Boot auto-configuration for the Tochka acquiring SDK: a {@code TochkaClient} from the {@code tochka.*}
 * properties, a webhook verifier, and an opt-in endpoint that publishes verified webhook events as Spring events.
 */
@NullMarked
package tochka.acquiring.spring;

import org.jspecify.annotations.NullMarked;
