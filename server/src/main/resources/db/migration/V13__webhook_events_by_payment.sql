-- The console shows a payment's webhooks on its page: find them by the payment's operationId without a scan.
CREATE INDEX webhook_event_operation ON webhook_event (operation_id);
