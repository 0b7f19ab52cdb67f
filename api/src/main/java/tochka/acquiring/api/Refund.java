package tochka.acquiring.api;

import java.math.BigDecimal;

/** {@code AcquiringPaymentOperationRefundModel}; {@code date} is {@code YYYY-MM-DD}. */
public record Refund(boolean isRefund, String operationId, BigDecimal amount, String date, String orderId) {}
