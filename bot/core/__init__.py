"""Pure core: Arabic text, bidi, user texts, callback data, outgoing message shapes,
time and preference values, the parsed-article shape and story signatures. Imports nothing of
the project and never `telegram`."""
