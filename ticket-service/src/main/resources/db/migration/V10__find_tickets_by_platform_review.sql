-- Finding a ticket by the platform's review id (any review the ticket carries), within the shop.
-- By order id and by buyer id, ticket_by_order and ticket_by_buyer already serve.
CREATE INDEX ticket_review_by_platform_id ON ticket_review (shop_id, platform_review_id);
