import MARACTUI
