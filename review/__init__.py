"""The editors' workflow: upload, the review queue, confirm / correct / reject / add figures, map
metric words onto the catalogue, and the history of every change."""
