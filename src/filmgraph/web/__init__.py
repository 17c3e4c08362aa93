"""Web output: the embeddable JSON-LD snippet and film page (``page``) and the film diagram (``draw``)."""
