"""Records: incidents, acts, persons, testimonies, evidence, custody events, taxonomy."""
