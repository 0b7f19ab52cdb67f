package tochka.acquiring.server.domain;

import java.time.Instant;

/** One money movement on a payment: its approval, its authorization (hold), or one refund. */
public record PaymentOrder(String orderId, OrderKind kind, Money amount, Instant time) {}
