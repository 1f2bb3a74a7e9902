import MARACStore
