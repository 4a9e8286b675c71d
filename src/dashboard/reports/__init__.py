"""Reports people take away: the funder impact report and the 30/30 agenda."""
