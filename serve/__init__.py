"""The local web app (`tongket serve`): digest, correct, label a corpus queue with active learning, run reports.
"""
