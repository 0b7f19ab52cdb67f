package tochka.acquiring.api;

import java.math.BigDecimal;

/** {@code OrderModel}: one approval, authorization or refund of a payment. */
public record PaymentOrder(String orderId, OrderType type, BigDecimal amount, String time) {}
