package tochka.acquiring.api;

import java.math.BigDecimal;

/** {@code AcquiringPaymentOrderRefundRequestModel}. */
public record RefundRequest(BigDecimal amount) {}
