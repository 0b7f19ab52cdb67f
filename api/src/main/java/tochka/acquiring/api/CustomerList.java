package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code CustomerListModel}. */
public record CustomerList(@JsonProperty("Customer") List<Customer> customers) {}
