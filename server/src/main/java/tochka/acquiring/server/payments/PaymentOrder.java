package tochka.acquiring.server.payments;

import java.time.Instant;
import tochka.acquiring.server.core.Money;

/** One money movement on a payment: its approval, its authorization (hold), or one refund. */
public record PaymentOrder(String orderId, OrderKind kind, Money amount, Instant time) {}
