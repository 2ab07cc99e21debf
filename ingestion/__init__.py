"""Reports in: read a submitted file or text, store the article and extract its indicators, as the
upload page, the API, `import_articles` and re-extraction all do."""
