-- The deck's accent colour on the audience screen (front matter `accent: "#rrggbb"`), or null for the default.
alter table talk add column accent varchar(7);
