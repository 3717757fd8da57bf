"""Source: Chamchis/likelion_learn_vscode, February/2_week/day8_library/my_pool.py.
Intent: square a range of numbers in a Pool of 4 with map, inside a with block.
Adapted: the `__main__` block -> map_in_pool(function, items, processes) (Pool(4) -> Pool(processes),
square -> function, range(10) -> items), its print moved under `__main__`.
Expected: every scenario passed (run plainly under fork, spawn and forkserver, it prints the
squares in order)."""
from multiprocessing import Pool

def square(n):
    return n**2

def map_in_pool(function, items, processes):
    with Pool(processes) as p:
        results = p.map(function, items)
    return results

if __name__ == '__main__':
    print(map_in_pool(square, range(10), 4))
