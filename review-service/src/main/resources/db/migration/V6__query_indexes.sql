-- GET /api/v1/reviews lists a shop's reviews newest first (ties by id), and the review statistics
-- count a shop's reviews by creation time: both read this index instead of sorting the shop.
CREATE INDEX review_shop_created ON review (shop_id, created_at DESC, id);
