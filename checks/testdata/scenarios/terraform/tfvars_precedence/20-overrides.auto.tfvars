# Temporary: the embeddings batch job runs from a build agent outside the VNet.
embeddings_public_access = true
vision_api_keys          = true
