replica_count = 0
