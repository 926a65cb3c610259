int Double(int value) => value * 2;
