"""Every email the product sends: written to the outbox, sent by the task worker with retries."""
