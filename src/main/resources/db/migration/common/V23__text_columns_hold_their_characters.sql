-- Issue 21, item 14 (trial): deck texts are limited in user-visible characters (grapheme clusters), but the columns
-- counted UTF-16 units, so 300 x "👩🏽‍💻" (2,100 units) passed the limit and failed the insert (500, and a deck in the
-- slides folder stopped the start). A text of at most n characters now takes at most n x 8 units
-- (Graphemes.UNITS_PER_CHARACTER), and its column holds that many.
alter table talk alter column title set data type varchar(2400);
alter table talk alter column speaker set data type varchar(1600);
alter table talk alter column organisation set data type varchar(1600);
alter table talk alter column venue set data type varchar(1600);
alter table slide alter column title set data type varchar(2400);
alter table poll alter column question set data type varchar(2400);
alter table poll alter column label_low set data type varchar(2400);
alter table poll alter column label_high set data type varchar(2400);
alter table poll_option alter column text set data type varchar(2400);
