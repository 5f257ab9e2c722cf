solution status: optimal solution found
objective value:                                  0.01883269
flip_367                                                          1 	(obj:0)
flip_381                                                          1 	(obj:0)
flip_395                                                          1 	(obj:0)
dtheta_0                                                       -0.2 	(obj:0)
