-- The console's home page totals a day's refunds of some companies: refund orders found by their time, not by a
-- scan of every order.
CREATE INDEX payment_order_kind_created ON payment_order (order_type, created_at);
