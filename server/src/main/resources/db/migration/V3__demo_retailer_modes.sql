-- The hosted page takes T-Pay and Dolyame too: a demo retailer seeded before it learns them.
UPDATE retailer SET payment_modes = 'card,sbp,tinkoff,dolyame'
WHERE merchant_id = '200000000001097' AND payment_modes = 'card,sbp';
