chat_api_keys       = false
chat_public_access  = false
embeddings_api_keys = true
