"""camdesk: desktop customer-asset management (客户资产管理)."""

__version__ = "0.1.0"
APP_NAME = "camdesk"
