"""What a watched source lists: a feed's items or a sitemap's pages, read into plain data (no ORM).

feeds     an RSS or Atom feed -> its items' links, titles and dates (feedparser)
sitemaps  a sitemap or sitemap index -> page or sitemap addresses (lxml)
"""

from .feeds import SourceItem, parse_feed
from .sitemaps import Sitemap, parse_sitemap

__all__ = ["SourceItem", "Sitemap", "parse_feed", "parse_sitemap"]
