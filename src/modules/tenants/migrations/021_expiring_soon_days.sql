-- 即将过期: how many days before a card's expiry the wallet badges it, the console's "expiring soon"
-- filter finds it, and the card.expiring event reminds the brand (1–90 days).
ALTER TABLE tenants ADD COLUMN expiring_soon_days int NOT NULL DEFAULT 3 CHECK (expiring_soon_days BETWEEN 1 AND 90);
