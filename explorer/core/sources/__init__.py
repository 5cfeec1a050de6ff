"""Where models come from: the catalog, model files and designs; lookup parses references."""
