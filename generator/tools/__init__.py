"""Layer 4: tools around the pipeline — scaffolding, schemas, many LAOs at once, import."""
