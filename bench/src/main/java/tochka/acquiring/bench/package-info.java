/** The benchmark harness behind {@code bench/run}: our server and WireMock side by side under wrk. */
@NullMarked
package tochka.acquiring.bench;

import org.jspecify.annotations.NullMarked;
