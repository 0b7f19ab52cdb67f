package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code AcquiringRetailerListModel}. */
public record RetailerList(@JsonProperty("Retailer") List<Retailer> retailers) {}
