package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code AcquiringGetPaymentOperationListResponseModel}: info returns a one-element list too. */
public record OperationList(@JsonProperty("Operation") List<PaymentOperation> operations) {}
