embeddings_api_keys      = false
embeddings_public_access = false
