"""Giving back to Wikidata: the statements a film's item lacks, as QuickStatements (``quickstatements``)."""
