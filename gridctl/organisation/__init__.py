"""How the park organises its party work: industry-chain committees (产业链党委), enterprise
party-building brands (党建品牌) and the demonstration belt (示范带).

May import funding and registers, the ledger and the leaves.
"""
