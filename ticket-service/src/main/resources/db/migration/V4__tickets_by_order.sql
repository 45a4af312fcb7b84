-- Finding the open ticket of each order in a poll of reviews: an index on the order itself, so the
-- lookup stays an index probe per order whatever plan the prepared statement gets.
CREATE INDEX ticket_by_order ON ticket (shop_id, order_id);
