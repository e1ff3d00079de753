x = 1
# appended 0
