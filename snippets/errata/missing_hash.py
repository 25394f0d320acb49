"""A comment needs its #: without it the line is not Python."""
try:
    compile("lr = 0.01 学习率", "note", "exec")  # as written in the note
except SyntaxError as err:
    print("SyntaxError:", err.msg)
    #> SyntaxError: invalid syntax

compile("lr = 0.01  # 学习率", "note", "exec")  # with the #, it compiles
lr = 0.01  # learning rate
print(lr)
#> 0.01
