"""Vietnamese search for the portal: analysis, backends, public search and JSON API."""
