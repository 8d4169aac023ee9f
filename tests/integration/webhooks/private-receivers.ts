// The receivers these tests start listen on 127.0.0.1, which webhooks may reach only so; a
// failed delivery is tried again after about a second, not fifteen.
process.env.WEBHOOKS_ALLOW_PRIVATE = "true";
process.env.WEBHOOK_RETRY_DELAY_SECONDS = "1";
